/**
 * Test support shared by every module (published in core's test jar): {@link
 * dev.jrq.core.testing.RedisServerExtension} runs one private {@code redis-server} per test run and hands tests a
 * {@link dev.jrq.core.testing.TestRedis}, flushed before each test.
 */
package dev.jrq.core.testing;
