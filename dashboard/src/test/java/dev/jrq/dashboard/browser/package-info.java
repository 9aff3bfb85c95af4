/**
 * The dashboard in a real browser: Debian's headless Chromium, driven by Selenium through chromedriver, against a
 * {@code DashboardServer} on a private Redis. Screenshots go to {@code dashboard/target/screenshots/}.
 */
package dev.jrq.dashboard.browser;
