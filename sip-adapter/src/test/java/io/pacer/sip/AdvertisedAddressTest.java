package io.pacer.sip;

import static io.pacer.sip.RawSipPeer.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.sip.loopback.StandInCore;
import io.pacer.sip.stack.SipConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pacer behind NAT: with {@code advertisedAddress} and {@code rtp.advertisedAddress} set, the INVITE names the
 * public addresses in Via, Contact, From and the SDP, while Pacer still listens on its bind address.
 */
class AdvertisedAddressTest {

    @Test
    void inviteNamesTheAdvertisedAddressesNotTheBindAddress() throws Exception {
        int carrierPort = Sipp.freePort();
        SipConfig config = SipConfig.loopback(Sipp.freePort(), 24000,
                List.of(SipConfig.TrunkConfig.simple("carrier", "127.0.0.1", carrierPort, "udp")), List.of())
                .withAdvertised("192.0.2.10", "198.51.100.7");
        try (StandInCore core = new StandInCore(0, true)) {
            PacerSipServer pacer = new PacerSipServer(config);
            core.attach(pacer.telephony());
            try (RawSipPeer carrier = new RawSipPeer(carrierPort, pacer.sipPort())) {
                pacer.start(core);
                pacer.telephony().dial(1, 1, 1, "+15550100", null, 20_000);
                String invite = carrier.receiveRequest("INVITE", 3000);
                assertNotNull(invite, "no INVITE reached the carrier");
                assertTrue(header(invite, "Via").startsWith("SIP/2.0/UDP 192.0.2.10:" + pacer.sipPort()), invite);
                assertTrue(header(invite, "Contact").contains("@192.0.2.10:" + pacer.sipPort()), invite);
                assertTrue(header(invite, "From").contains("@192.0.2.10"), invite);
                assertTrue(invite.contains("\r\nc=IN IP4 198.51.100.7\r\n"), invite);
                assertTrue(invite.matches("(?s).*\r\no=pacer \\d+ 1 IN IP4 198\\.51\\.100\\.7\r\n.*"), invite);
                assertTrue(!invite.contains("127.0.0.1:" + pacer.sipPort()), "the bind address leaked:\n" + invite);
                carrier.send(ProtocolHygieneTest.busy(invite));
                assertNotNull(carrier.receiveRequest("ACK", 3000), "the 486 was not ACKed at the bind address");
                assertNotNull(core.awaitEvent("failed 1", 3000));
                assertEquals(0, pacer.stats().workerErrors());
            } finally {
                pacer.close();
            }
        }
    }
}
