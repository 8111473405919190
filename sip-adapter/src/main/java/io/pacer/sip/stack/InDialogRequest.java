package io.pacer.sip.stack;

import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A request that arrived inside one of Pacer's dialogs (a customer call or an agent's session), taken up with
 * its server transaction so that the leg only decides what to answer. An ACK is never taken up: it completes
 * an INVITE transaction and gets no answer, so {@link #take} returns {@code null} for it.
 *
 * @param request     the request
 * @param method      its method
 * @param transaction the server transaction the answer goes out on
 */
public record InDialogRequest(Request request, String method, ServerTransaction transaction) {

    /** The request of {@code e} with its (new or existing) server transaction, or {@code null} for an ACK. */
    public static InDialogRequest take(SipEndpoint sip, RequestEvent e) throws Exception {
        Request req = e.getRequest();
        String method = req.getMethod();
        if (Request.ACK.equals(method)) {
            return null;
        }
        return new InDialogRequest(req, method, sip.serverTransaction(e));
    }

    /** Answers with {@code response}. */
    public void answer(Response response) throws Exception {
        transaction.sendResponse(response);
    }

    /** Answers with a bare response of {@code status}. */
    public void answer(SipEndpoint sip, int status) throws Exception {
        transaction.sendResponse(sip.response(status, request));
    }

    /**
     * Answers a BYE with 200 as a stateless UAS (RFC 3261 8.2.7) and ends the dialog. The stack would keep the
     * answered transaction, with the request and response, for Timer J (32 s over UDP) to answer a retransmitted
     * BYE; at a thousand calls a second that is tens of thousands of finished calls copied through every young
     * collection. A BYE sent again because this 200 was lost finds no dialog (Pacer lets none linger) and the
     * stack answers it 481; a UAC that gets 481 to a BYE considers the dialog ended (RFC 3261 15.1.1), so the
     * carrier's call ends as it would have.
     */
    public void answerStatelessAndEnd(SipEndpoint sip, Dialog dialog) throws Exception {
        // Not yet answered, so no timer holds it: terminating removes it from the stack at once.
        transaction.terminate();
        sip.provider.sendResponse(sip.response(Response.OK, request));
        if (dialog != null) {
            dialog.delete();
        }
    }
}
