package io.warcast.broadcast;

import io.warcast.api.BroadcasterStatus;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shows a server's {@link BroadcasterMetrics} in JMX while the provider runs. */
final class BroadcasterJmx implements BroadcasterMXBean {

    private static final Logger log = LoggerFactory.getLogger(BroadcasterJmx.class);

    private final BroadcasterMetrics metrics;
    private final ObjectName name;

    private BroadcasterJmx(BroadcasterMetrics metrics, ObjectName name) {
        this.metrics = metrics;
        this.name = name;
    }

    static ObjectName objectName(String serverId) throws JMException {
        // Plain when it can be (what jconsole shows and what operators type), quoted when the id needs it.
        String server = serverId.matches("[A-Za-z0-9._-]+") ? serverId : ObjectName.quote(serverId);
        return new ObjectName("io.warcast:type=Broadcaster,server=" + server);
    }

    /** Registers the bean; a failure is logged, never fatal. Returns null when not registered. */
    static BroadcasterJmx register(BroadcasterMetrics metrics, String serverId) {
        try {
            BroadcasterJmx bean = new BroadcasterJmx(metrics, objectName(serverId));
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(bean.name)) {
                server.unregisterMBean(bean.name);
            }
            server.registerMBean(bean, bean.name);
            return bean;
        } catch (JMException e) {
            log.warn("Warcast cannot show its counters in JMX: {}", e.toString());
            return null;
        }
    }

    void unregister() {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (JMException e) {
            log.debug("Warcast's JMX bean {} was not registered", name);
        }
    }

    private BroadcasterStatus status() {
        return metrics.status();
    }

    @Override
    public String getState() {
        return status().state().name();
    }

    @Override
    public String getConnectedTo() {
        return status().connectedTo().orElse("");
    }

    @Override
    public String getLastError() {
        return status().lastError().orElse("");
    }

    @Override
    public String getLastErrorTime() {
        return status().lastErrorAt().map(Object::toString).orElse("");
    }

    @Override
    public long getPublished() {
        return metrics.published();
    }

    @Override
    public long getConfirmed() {
        return metrics.confirmed();
    }

    @Override
    public long getDelivered() {
        return metrics.delivered();
    }

    @Override
    public long getBuffered() {
        return metrics.buffered();
    }

    @Override
    public long getDropped() {
        return status().dropped();
    }

    @Override
    public long getDuplicatesSuppressed() {
        return metrics.duplicates();
    }

    @Override
    public long getGaps() {
        return metrics.gaps();
    }

    @Override
    public long getResyncs() {
        return metrics.resyncsRequested();
    }

    @Override
    public long getReconnects() {
        return metrics.reconnects();
    }

    @Override
    public Map<String, Long> getRejected() {
        return status().rejected();
    }

    @Override
    public List<String> getBoundExchanges() {
        return metrics.boundExchanges();
    }

    @Override
    public long getUnclaimed() {
        return metrics.unclaimed();
    }
}
