package io.warcast.broadcast;

import java.util.List;
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

    /** The exchanges this server's queue is bound to on the broker now: a change published to one reaches it. */
    List<String> getBoundExchanges();

    /** Messages from other servers on an exchange no application of this server has joined. */
    long getUnclaimed();
}
