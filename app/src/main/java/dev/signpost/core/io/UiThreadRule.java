package dev.signpost.core.io;

/**
 * The rule that no file or network I/O runs on the JavaFX application thread, kept by code: every place where
 * Signpost reads or writes a file or opens a connection calls {@link #forbidBlockingIo} first.
 *
 * <p>With assertions enabled (every test run) a breach throws {@link AssertionError}, so a test that drives the
 * wizard fails at the offending call; in production it is logged with its stack instead, because a frozen second
 * is better than a lost settings file. The core knows no JavaFX, so the thread is recognised by the name JavaFX
 * gives it (fixed since JavaFX 2, also under Monocle).
 */
public final class UiThreadRule {

    /** The name of JavaFX's application thread. */
    public static final String FX_THREAD_NAME = "JavaFX Application Thread";

    private static final System.Logger LOG = System.getLogger(UiThreadRule.class.getName());

    private static final boolean STRICT = UiThreadRule.class.desiredAssertionStatus();

    private UiThreadRule() {
    }

    /** True on the JavaFX application thread. */
    public static boolean onUiThread() {
        return FX_THREAD_NAME.equals(Thread.currentThread().getName());
    }

    /**
     * Fails (tests) or logs (production) when called on the UI thread.
     *
     * @param what the operation about to block, e.g. {@code "settings save"}
     */
    public static void forbidBlockingIo(String what) {
        if (!onUiThread()) {
            return;
        }
        String message = what + " on the JavaFX application thread: file and network I/O must run on a worker";
        if (STRICT) {
            throw new AssertionError(message);
        }
        LOG.log(System.Logger.Level.WARNING, message, new IllegalStateException(message));
    }
}
