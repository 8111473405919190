package io.pacer.sip;

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
record InDialogRequest(Request request, String method, ServerTransaction transaction) {

    /** The request of {@code e} with its (new or existing) server transaction, or {@code null} for an ACK. */
    static InDialogRequest take(SipEndpoint sip, RequestEvent e) throws Exception {
        Request req = e.getRequest();
        String method = req.getMethod();
        if (Request.ACK.equals(method)) {
            return null;
        }
        return new InDialogRequest(req, method, sip.serverTransaction(e));
    }

    /** Answers with {@code response}. */
    void answer(Response response) throws Exception {
        transaction.sendResponse(response);
    }

    /** Answers with a bare response of {@code status}. */
    void answer(SipEndpoint sip, int status) throws Exception {
        transaction.sendResponse(sip.response(status, request));
    }
}
