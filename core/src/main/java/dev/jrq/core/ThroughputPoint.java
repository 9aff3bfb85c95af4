package dev.jrq.core;

/**
 * How many jobs finished and failed in one time bucket.
 *
 * @param epochSecond the bucket's start, epoch seconds
 * @param finished    jobs finished in the bucket
 * @param failed      failed attempts in the bucket
 */
public record ThroughputPoint(long epochSecond, long finished, long failed) {
}
