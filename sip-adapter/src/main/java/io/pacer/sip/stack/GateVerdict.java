package io.pacer.sip.stack;

import javax.sip.message.Request;

/**
 * What {@link MessageGate} decided about a request it could not let through as it came: the status to answer
 * with and a reason phrase that names the problem. The gate attaches it to the request (as the message's
 * application data, which nobody on the wire can set) and the SIP worker answers it statelessly before anything
 * else looks at the request.
 *
 * @param status the status code of the answer (400, 416, 505)
 * @param reason the reason phrase, naming what is wrong
 */
public record GateVerdict(int status, String reason) {

    /** The verdict attached to {@code request}, or {@code null} when the gate let it through unchanged. */
    public static GateVerdict of(Request request) {
        return request instanceof gov.nist.javax.sip.message.SIPMessage m
                && m.getApplicationData() instanceof GateVerdict v ? v : null;
    }

    static GateVerdict badRequest(String reason) {
        return new GateVerdict(400, reason);
    }
}
