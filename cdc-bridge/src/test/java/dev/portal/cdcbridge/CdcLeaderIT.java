package dev.portal.cdcbridge;

import dev.portal.cdcbridge.status.BridgeStatus.Role;
import dev.portal.cdcbridge.status.BridgeStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One active replica at a time, and the watchdog on the connect loop. */
@ExtendWith(BridgeFixture.PerTest.class)
class CdcLeaderIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ACCOUNTS = "/data/AccountChangeEvent";

    @Test
    void only_the_leader_subscribes_and_a_standby_takes_over_when_the_leader_goes(BridgeFixture f) {
        ConfigurableApplicationContext a = f.start();
        ConfigurableApplicationContext b = f.start();
        f.readFromNow();
        BridgeStatus leaderA = a.getBean(BridgeStatus.class);
        BridgeStatus leaderB = b.getBean(BridgeStatus.class);
        await().atMost(WAIT).until(() -> List.of(leaderA.role(), leaderB.role()).containsAll(List.of(Role.LEADER, Role.STANDBY)));
        ConfigurableApplicationContext leader = leaderA.role() == Role.LEADER ? a : b;
        BridgeStatus standby = leaderA.role() == Role.LEADER ? leaderB : leaderA;
        assertThat(standby.streaming()).as("a standby does not subscribe").isNull();

        List<Long> emitted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            emitted.add(CdcBridgeIT.accountEvent(f, "leader-" + i));
        }
        await().atMost(WAIT).until(() -> f.checkpoint(ACCOUNTS).orElse(0) == emitted.getLast());
        leader.close();

        await().atMost(WAIT).until(() -> standby.role() == Role.LEADER);
        for (int i = 0; i < 2; i++) {
            emitted.add(CdcBridgeIT.accountEvent(f, "successor-" + i));
        }
        await().atMost(WAIT).until(() -> f.checkpoint(ACCOUNTS).orElse(0) == emitted.getLast());
        assertThat(f.replayIdsOnKafka()).containsExactlyElementsOf(emitted);
        assertThat(f.drain()).as("each event published once: never by two replicas").hasSize(emitted.size());
    }

    @Test
    void the_watchdog_restarts_a_connect_loop_that_stopped_succeeding_and_nothing_is_lost(BridgeFixture f) {
        BridgeStatus status = f.start("portal.cdc.stall-timeout=4s").getBean(BridgeStatus.class);
        f.readFromNow();
        List<Long> emitted = new ArrayList<>();
        emitted.add(CdcBridgeIT.accountEvent(f, "before"));
        await().atMost(WAIT).until(() -> f.checkpoint(ACCOUNTS).orElse(0) == emitted.getLast());

        // every CometD request hangs (the client gives up after the hold plus its network delay, 3 s) until 4 have failed
        f.sandbox.fault("salesforce", "{\"failure\":\"hang\",\"hangMs\":20000,\"remaining\":4}");
        emitted.add(CdcBridgeIT.accountEvent(f, "during"));
        await().atMost(WAIT).until(() -> status.restarts() >= 1);
        emitted.add(CdcBridgeIT.accountEvent(f, "after"));

        await().atMost(WAIT).until(() -> f.checkpoint(ACCOUNTS).orElse(0) == emitted.getLast());
        assertThat(f.replayIdsOnKafka()).containsExactlyElementsOf(emitted);
    }
}
