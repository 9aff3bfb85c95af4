/**
 * Test support shared by every module (published in core's test jar): {@link
 * dev.jrq.core.testing.RedisServerExtension} runs one private {@code redis-server} per test run and hands tests a
 * {@link dev.jrq.core.testing.TestRedis}, flushed before each test; {@link dev.jrq.core.testing.MutableClock} lets
 * a test set the time a client writes instead of sleeping.
 */
package dev.jrq.core.testing;
