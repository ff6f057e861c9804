package io.warcast.broadcast.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ChannelContinuationTimeoutException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The line for a lost connection names what went wrong and the setting to look at. */
class AmqpLinkDescribeTest {

    @Test
    void anRpcWithoutAnswerNamesTheMethodAndTheRpcTimeout() {
        IOException timedOut = new ChannelContinuationTimeoutException(
                new TimeoutException(),
                "channel 1",
                1,
                new AMQP.Exchange.Declare.Builder().exchange("warcast").build());

        assertThat(AmqpLink.describe(timedOut, 2_000))
                .isEqualTo("no answer from the broker to exchange.declare within amqpbroadcast.rpctimeout=2000 ms");
    }

    @Test
    void otherwiseTheInnermostMessage() {
        assertThat(AmqpLink.describe(new IOException("outer", new IllegalStateException("inner")), 2_000))
                .isEqualTo("inner");
    }
}
