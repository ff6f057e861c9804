package io.warcast.broadcast;

import io.warcast.api.BroadcasterCounter;
import io.warcast.api.BroadcasterStatus;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.JMException;
import javax.management.MBeanInfo;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.ReflectionException;
import javax.management.openmbean.ArrayType;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenMBeanAttributeInfo;
import javax.management.openmbean.OpenMBeanAttributeInfoSupport;
import javax.management.openmbean.OpenMBeanConstructorInfo;
import javax.management.openmbean.OpenMBeanInfoSupport;
import javax.management.openmbean.OpenMBeanOperationInfo;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a server's {@link BroadcasterMetrics} in JMX while the provider runs, as
 * {@code io.warcast:type=Broadcaster,server=<serverid>}: the link's state, one read-only attribute per
 * {@link BroadcasterCounter}, and Buffered, Dropped, Rejected and BoundExchanges.
 */
final class BroadcasterJmx implements DynamicMBean {

    private static final Logger log = LoggerFactory.getLogger(BroadcasterJmx.class);

    /** The type the platform's MXBean mapping gives a {@code Map<String, Long>}, which Rejected always had. */
    private static final TabularType REJECTED_TYPE = rejectedType();

    private final BroadcasterMetrics metrics;
    private final ObjectName name;
    private final Map<String, View> views = new LinkedHashMap<>();
    private final MBeanInfo info;

    private record View(OpenMBeanAttributeInfo info, Function<BroadcasterStatus, Object> read) {}

    private BroadcasterJmx(BroadcasterMetrics metrics, ObjectName name) {
        this.metrics = metrics;
        this.name = name;
        text(
                "State",
                "CONNECTED, CONNECTING, DISCONNECTED or LOCAL_ONLY",
                status -> status.state().name());
        text(
                "ConnectedTo",
                "the broker connected to, host:port; empty when not connected",
                status -> status.connectedTo().orElse(""));
        text(
                "LastError",
                "the last connection error, one line; empty when none",
                status -> status.lastError().orElse(""));
        text(
                "LastErrorTime",
                "when the last error happened, ISO-8601; empty when none",
                status -> status.lastErrorAt().map(Object::toString).orElse(""));
        for (BroadcasterCounter counter : BroadcasterCounter.values()) {
            number(counter.attribute(), counter.description(), status -> status.count(counter));
        }
        number("Buffered", "messages waiting for the broker now", BroadcasterStatus::buffered);
        number("Dropped", "DroppedOutbox and DroppedOverflow together", BroadcasterStatus::dropped);
        view(
                "Rejected",
                "messages skipped because they could not be read, by reason",
                REJECTED_TYPE,
                status -> rejected(status.rejected()));
        view(
                "BoundExchanges",
                "the exchanges this server's queue is bound to on the broker now: a change published to one reaches"
                        + " it",
                stringArray(),
                status -> status.boundExchanges().toArray(String[]::new));
        this.info = new OpenMBeanInfoSupport(
                BroadcasterJmx.class.getName(),
                "Warcast's broadcaster of this server",
                views.values().stream().map(View::info).toArray(OpenMBeanAttributeInfo[]::new),
                new OpenMBeanConstructorInfo[0],
                new OpenMBeanOperationInfo[0],
                new MBeanNotificationInfo[0]);
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

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        View view = views.get(attribute);
        if (view == null) {
            throw new AttributeNotFoundException(
                    "Warcast's broadcaster has no attribute [" + attribute + "]; it has " + views.keySet());
        }
        return view.read().apply(metrics.status());
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        BroadcasterStatus status = metrics.status();
        AttributeList values = new AttributeList();
        for (String attribute : attributes) {
            View view = views.get(attribute);
            if (view != null) {
                values.add(new Attribute(attribute, view.read().apply(status)));
            }
        }
        return values;
    }

    @Override
    public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
        throw new AttributeNotFoundException(
                "Warcast's broadcaster attributes are read-only: [" + attribute.getName() + "] cannot be set");
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList();
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) throws ReflectionException {
        throw new ReflectionException(
                new NoSuchMethodException(actionName), "Warcast's broadcaster has no operation [" + actionName + "]");
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        return info;
    }

    private void text(String attribute, String description, Function<BroadcasterStatus, Object> read) {
        view(attribute, description, SimpleType.STRING, read);
    }

    private void number(String attribute, String description, Function<BroadcasterStatus, Object> read) {
        view(attribute, description, SimpleType.LONG, read);
    }

    private void view(
            String attribute, String description, OpenType<?> type, Function<BroadcasterStatus, Object> read) {
        views.put(
                attribute,
                new View(new OpenMBeanAttributeInfoSupport(attribute, description, type, true, false, false), read));
    }

    private static TabularDataSupport rejected(Map<String, Long> byReason) {
        TabularDataSupport table = new TabularDataSupport(REJECTED_TYPE);
        List<String> reasons = new ArrayList<>(byReason.keySet());
        reasons.sort(null);
        try {
            for (String reason : reasons) {
                table.put(new CompositeDataSupport(
                        REJECTED_TYPE.getRowType(),
                        new String[] {"key", "value"},
                        new Object[] {reason, byReason.get(reason)}));
            }
        } catch (OpenDataException e) {
            throw new IllegalStateException("Rejected does not fit its own type", e);
        }
        return table;
    }

    private static TabularType rejectedType() {
        String typeName = "java.util.Map<java.lang.String, java.lang.Long>";
        try {
            CompositeType row = new CompositeType(
                    typeName,
                    typeName,
                    new String[] {"key", "value"},
                    new String[] {"key", "value"},
                    new OpenType<?>[] {SimpleType.STRING, SimpleType.LONG});
            return new TabularType(typeName, typeName, row, new String[] {"key"});
        } catch (OpenDataException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static ArrayType<String[]> stringArray() {
        try {
            return new ArrayType<>(1, SimpleType.STRING);
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
    }
}
