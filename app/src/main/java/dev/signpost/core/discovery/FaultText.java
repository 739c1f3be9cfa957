package dev.signpost.core.discovery;

/**
 * A fault of Signpost itself in one short line: the kind of error and its message, cut to a length a report row
 * can carry. The message may quote server text, so line breaks and controls are flattened here too.
 */
final class FaultText {

    static final int MAX_LENGTH = 200;

    private FaultText() {
    }

    static String describe(Throwable fault) {
        String kind = fault.getClass().getSimpleName();
        String message = fault.getMessage();
        String text = message == null || message.isBlank() ? kind : kind + ": " + message;
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH + 1));
        for (int i = 0; i < text.length() && out.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? ' ' : c);
        }
        return out.length() < text.length() ? out.append('…').toString() : out.toString();
    }
}
