package io.warcast.broadcast;

import java.util.Map;

/** The broadcaster of one server in JMX, as {@code io.warcast:type=Broadcaster,server=<serverid>}. */
public interface BroadcasterMXBean {

    /** CONNECTED, CONNECTING, DISCONNECTED or LOCAL_ONLY. */
    String getState();

    /** The broker connected to, {@code host:port}; empty when not connected. */
    String getConnectedTo();

    /** The last connection error, one line; empty when none. */
    String getLastError();

    /** When the last error happened, ISO-8601; empty when none. */
    String getLastErrorTime();

    long getPublished();

    long getConfirmed();

    long getDelivered();

    long getBuffered();

    long getDropped();

    long getDuplicatesSuppressed();

    long getGaps();

    long getResyncs();

    long getReconnects();

    Map<String, Long> getRejected();
}
