package io.pacer.sip.trunk;

import gov.nist.javax.sip.clientauthutils.AccountManager;
import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import gov.nist.javax.sip.clientauthutils.UserCredentials;
import io.pacer.sip.stack.SipConfig;
import io.pacer.sip.stack.SipEndpoint;
import javax.sip.ClientTransaction;
import javax.sip.message.Response;

/**
 * Answers a trunk's digest challenge (401/407) to an INVITE with the trunk's credentials, at most twice per
 * call, through JAIN-SIP's authentication helper: the credentials are looked up from the call the challenged
 * transaction belongs to.
 */
final class TrunkDigest {

    private static final int MAX_ATTEMPTS = 2;
    /** Cache time of the helper's credentials, in seconds (its unit). */
    private static final int CACHE_SECONDS = 5;

    private final SipEndpoint sip;
    private final AuthenticationHelper auth;

    TrunkDigest(SipEndpoint sip) {
        this.sip = sip;
        AccountManager accounts = (transaction, realm) -> {
            SipConfig.TrunkConfig t = ((TrunkCall) transaction.getApplicationData()).trunk.config;
            return new UserCredentials() {
                @Override public String getUserName() { return t.username(); }
                @Override public String getPassword() { return t.password(); }
                @Override public String getSipDomain() { return realm; }
            };
        };
        this.auth = sip.stack.getAuthenticationHelper(accounts, sip.headers);
    }

    /** True when {@code status} is a challenge this call should answer. */
    static boolean answers(TrunkCall call, int status) {
        return (status == 401 || status == 407) && call.trunk.config.username() != null
                && call.authAttempts < MAX_ATTEMPTS && !call.cancelWanted;
    }

    /** Sends the INVITE again with credentials; the call's INVITE transaction becomes the new one. */
    void retry(TrunkCall call, ClientTransaction challenged, Response challenge) throws Exception {
        call.authAttempts++;
        ClientTransaction retry = auth.handleChallenge(challenge, challenged, sip.provider, CACHE_SECONDS);
        retry.setApplicationData(call);
        call.invite = retry;
        call.provisional = false;
        retry.sendRequest();
    }
}
