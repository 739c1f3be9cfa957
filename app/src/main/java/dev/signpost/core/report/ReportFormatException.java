package dev.signpost.core.report;

/** Text that is not a Signpost JSON report; the message says "not a Signpost report: …" and why. */
public final class ReportFormatException extends Exception {

    public ReportFormatException(String message) {
        super(message);
    }
}
