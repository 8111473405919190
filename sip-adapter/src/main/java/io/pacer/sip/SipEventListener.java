package io.pacer.sip;

import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.SipListenerExt;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;

/**
 * The stack's callbacks, on the stack's reader threads: each one only timestamps the event and publishes it
 * to the worker ring, so no reader thread ever waits on Pacer. A full ring drops the message; the sender's
 * retransmission brings it back.
 */
final class SipEventListener implements SipListenerExt {

    private final SipWorkRing ring;

    SipEventListener(SipWorkRing ring) {
        this.ring = ring;
    }

    @Override
    public void processRequest(RequestEvent e) {
        ring.publishEvent(SipWork.SIP_REQUEST, e);
    }

    @Override
    public void processResponse(ResponseEvent e) {
        ring.publishEvent(SipWork.SIP_RESPONSE, e);
    }

    @Override
    public void processTimeout(TimeoutEvent e) {
        ring.publishEvent(SipWork.SIP_TIMEOUT, e);
    }

    @Override
    public void processDialogTimeout(DialogTimeoutEvent e) {
        ring.publishEvent(SipWork.SIP_DIALOG_TIMEOUT, e);
    }

    @Override
    public void processIOException(IOExceptionEvent e) {
        // Send failures of a transaction also end in its timeout, which is where the call is failed.
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent e) {
        // The stack releases the transaction itself; nothing of Pacer's is tied to its end.
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent e) {
        // Calls and sessions end on BYE or final responses, before their dialogs do.
    }
}
