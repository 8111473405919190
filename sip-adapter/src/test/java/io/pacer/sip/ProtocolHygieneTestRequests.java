package io.pacer.sip;

/** Well-formed requests the raw-UDP tests send to check that Pacer still answers. */
final class ProtocolHygieneTestRequests {

    private ProtocolHygieneTestRequests() {
    }

    /** An OPTIONS from {@code peer}, its Via on the peer's port. */
    static String options(RawSipPeer peer, int pacerPort) {
        return "OPTIONS sip:ping@127.0.0.1:" + pacerPort + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + peer.port() + ";branch=z9hG4bK" + System.nanoTime() + "\r\n"
                + "From: <sip:carrier@127.0.0.1>;tag=p1\r\n"
                + "To: <sip:ping@127.0.0.1>\r\n"
                + "Call-ID: ping" + System.nanoTime() + "@127.0.0.1\r\n"
                + "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
    }
}
