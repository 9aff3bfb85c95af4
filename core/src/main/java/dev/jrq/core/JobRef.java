package dev.jrq.core;

/**
 * A job a job points to (a dependency or a dependent), with its status now.
 *
 * @param id     the job id
 * @param status its status as stored (RQ's wire name), {@code null} when its hash is gone
 */
public record JobRef(String id, String status) {
}
