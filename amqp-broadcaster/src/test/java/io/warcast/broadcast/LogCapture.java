package io.warcast.broadcast;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The log lines written while it is open: slf4j-simple, the tests' logger, writes each line to the current
 * {@code System.err}, which this replaces by a copy that still passes everything on. Closing puts the original back.
 */
public final class LogCapture implements AutoCloseable {

    private final PrintStream original;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LogCapture(PrintStream original) {
        this.original = original;
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture(System.err);
        System.setErr(new PrintStream(capture.new Tee(), true, StandardCharsets.UTF_8));
        return capture;
    }

    /** The lines so far that contain every one of {@code fragments}. */
    public List<String> linesWith(String... fragments) {
        return lines.stream()
                .filter(line -> Arrays.stream(fragments).allMatch(line::contains))
                .toList();
    }

    @Override
    public void close() {
        System.err.flush();
        System.setErr(original);
    }

    /** Passes bytes on to the original stream and keeps each complete line. */
    private final class Tee extends OutputStream {

        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            original.write(b);
            if (b == '\n') {
                lines.add(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        @Override
        public void flush() {
            original.flush();
        }
    }
}
