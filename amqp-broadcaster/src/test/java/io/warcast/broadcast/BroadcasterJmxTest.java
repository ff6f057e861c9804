package io.warcast.broadcast;

import static io.warcast.broadcast.LocalBroadcaster.change;
import static io.warcast.broadcast.LocalBroadcaster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.warcast.api.BroadcasterCounter;
import io.warcast.api.BroadcasterStatus;
import io.warcast.api.spi.Participation;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator sees in JMX, and what the admin page gets as BroadcasterStatus, are the same live counters. */
class BroadcasterJmxTest {

    private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();

    @TempDir
    Path conf;

    @Test
    void theBroadcasterIsInJmxWithLiveCountersWhileItRunsAndGoneAfterStop() throws Exception {
        ObjectName name = new ObjectName("io.warcast:type=Broadcaster,server=jmx-node");
        LocalBroadcaster broadcaster = LocalBroadcaster.start(conf, "amqpbroadcast.serverid=jmx-node");
        try {
            Participation sender = broadcaster.join("/shop", "001");
            Participation receiver = broadcaster.join("/shop", "002");
            RecordingListener heard = new RecordingListener();
            receiver.service().registerDataNotifyListener(heard);

            for (int id = 1; id <= 3; id++) {
                sender.service().notifyDataChange(change("catalog", id));
            }
            eventually().until(() -> heard.changes.size() == 3);
            eventually()
                    .alias("a listener call is counted once it returned")
                    .until(() -> jmx.getAttribute(name, "Delivered").equals(3L));

            assertThat(jmx.getAttribute(name, "State")).isEqualTo("LOCAL_ONLY");
            assertThat(jmx.getAttribute(name, "Published"))
                    .as("changes published by this server's apps")
                    .isEqualTo(3L);
            assertThat(jmx.getAttribute(name, "ConnectedTo")).isEqualTo("");
            BroadcasterStatus status = broadcaster.provider.status();
            assertThat(status.state()).isEqualTo(BroadcasterStatus.State.LOCAL_ONLY);
            assertThat(status.published()).isEqualTo(3);
            assertThat(status.delivered()).isEqualTo(3);
        } finally {
            broadcaster.close();
        }
        assertThat(jmx.isRegistered(name))
                .as("unregistered when the provider stops")
                .isFalse();
    }

    @Test
    void everyCounterIsAReadOnlyAttributeWithItsDescriptionBesideTheLinkAndTheOutbox() throws Exception {
        ObjectName name = new ObjectName("io.warcast:type=Broadcaster,server=jmx-every");
        try (LocalBroadcaster broadcaster = LocalBroadcaster.start(conf, "amqpbroadcast.serverid=jmx-every")) {
            BroadcasterMetrics metrics = broadcaster.provider.metrics();
            BroadcasterCounter[] counters = BroadcasterCounter.values();
            for (int i = 0; i < counters.length; i++) {
                metrics.add(counters[i], 100 + i);
            }
            Map<String, MBeanAttributeInfo> attributes = Stream.of(
                            jmx.getMBeanInfo(name).getAttributes())
                    .collect(Collectors.toMap(MBeanAttributeInfo::getName, Function.identity()));

            for (BroadcasterCounter counter : counters) {
                MBeanAttributeInfo attribute = attributes.get(counter.attribute());
                assertThat(attribute).as("attribute %s", counter.attribute()).isNotNull();
                assertThat(attribute.getDescription()).isEqualTo(counter.description());
                assertThat(attribute.isWritable())
                        .as("%s is read-only", counter.attribute())
                        .isFalse();
                assertThat(jmx.getAttribute(name, counter.attribute()))
                        .as("%s in JMX and in the status", counter.attribute())
                        .isEqualTo(metrics.get(counter))
                        .isEqualTo(broadcaster.provider.status().count(counter));
            }
            assertThat(attributes)
                    .containsKeys(
                            "State",
                            "ConnectedTo",
                            "LastError",
                            "LastErrorTime",
                            "Buffered",
                            "Dropped",
                            "Rejected",
                            "BoundExchanges");
            assertThat(jmx.getAttribute(name, "Dropped"))
                    .as("Dropped: for other servers and for listeners, as operators had it")
                    .isEqualTo(metrics.get(BroadcasterCounter.DROPPED_OUTBOX)
                            + metrics.get(BroadcasterCounter.DROPPED_OVERFLOW));
            assertThat((String[]) jmx.getAttribute(name, "BoundExchanges")).isEmpty();
        }
    }
}
