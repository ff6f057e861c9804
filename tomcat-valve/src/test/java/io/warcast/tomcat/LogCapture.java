package io.warcast.tomcat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What a Warcast class logged through JULI, which the embedded Tomcat sends to java.util.logging. */
final class LogCapture extends Handler implements AutoCloseable {

    final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger logger;

    /** What the Warcast listener logs. */
    LogCapture() {
        this(WarcastLifecycleListener.class);
    }

    LogCapture(Class<?> source) {
        this(source.getName());
    }

    /** What the loggers named {@code name} and below it log. */
    LogCapture(String name) {
        logger = Logger.getLogger(name);
        logger.addHandler(this);
    }

    List<LogRecord> at(Level level) {
        return records.stream().filter(r -> r.getLevel().equals(level)).toList();
    }

    List<String> messages(Level level) {
        return at(level).stream().map(LogRecord::getMessage).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
