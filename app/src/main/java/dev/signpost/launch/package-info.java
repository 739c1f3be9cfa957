/**
 * How the desktop app's JVM is started: {@code java -jar signpost.jar} without arguments runs the wizard in a second
 * JVM with the desktop options and a class-data archive ({@link dev.signpost.launch.DesktopJvm}). No JavaFX here:
 * the launching JVM loads as little as it can.
 */
package dev.signpost.launch;
