package io.warcast.broadcast.wire;

import io.warcast.broadcast.wire.Decoded.RejectReason;

/** Why a body cannot be read, on its way from deep in a reader to {@link Decoded.Rejected}. No stack trace. */
final class WireFormatException extends Exception {

    /** Details are one line for a log and never quote more than this many characters of anything. */
    static final int MAX_DETAIL_LENGTH = 200;

    private final RejectReason reason;

    WireFormatException(RejectReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    static WireFormatException malformed(String detail) {
        return new WireFormatException(RejectReason.MALFORMED, detail);
    }

    static WireFormatException wrongType(String detail) {
        return new WireFormatException(RejectReason.WRONG_TYPE, detail);
    }

    static WireFormatException oversized(String detail) {
        return new WireFormatException(RejectReason.OVERSIZED, detail);
    }

    RejectReason reason() {
        return reason;
    }

    Decoded.Rejected toRejected() {
        return rejected(reason, getMessage());
    }

    /** A rejection whose detail is made one line and at most {@link #MAX_DETAIL_LENGTH} characters long. */
    static Decoded.Rejected rejected(RejectReason reason, String detail) {
        String line = String.valueOf(detail).replaceAll("\\s+", " ").strip();
        return new Decoded.Rejected(reason, excerpt(line, MAX_DETAIL_LENGTH));
    }

    /** At most {@code max} characters of a text taken from a body, marked when cut. */
    static String excerpt(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
