package io.pacer.api.service;

import io.pacer.engine.agent.AgentState;
import io.pacer.engine.agent.AgentView;
import io.pacer.engine.control.EngineControl;
import io.pacer.engine.core.PreviewAnswer;
import io.pacer.pacing.DialMode;
import io.pacer.store.Storage;
import io.pacer.store.callback.Callback;
import io.pacer.store.callback.CallbackRequest;
import io.pacer.store.contact.Contact;
import io.pacer.store.error.ConflictException;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.journal.Activity;
import io.pacer.store.journal.ActivityRepository;
import io.pacer.store.journal.OutcomeRecorder.PreviewDecision;
import io.pacer.store.user.User;
import java.util.List;

/**
 * The agent's desktop over HTTP, the same flow a phone has over the SIP text protocol: the record the agent is
 * offered or talks to, {@code next}, the answer to an offer, hang up, pause with a reason, and save-and-next.
 * Every reply carries the state the core reached (read from the core after the command, in ring order), never
 * the one asked for.
 */
public final class AgentDeskService {

    /** The agent's answers to a preview offer: dial it, or one of the store's decisions. */
    public enum OfferAnswer {
        /** Dial the contact now. */
        ACCEPT,
        /** Back to the list, due again by the no-answer delay. */
        SKIP,
        /** Back to the list, due at the time given. */
        CALL_LATER,
        /** Out of the list and onto the campaign's do-not-call list. */
        DO_NOT_CALL
    }

    /**
     * The agent as the core sees it, with the record of its contact.
     *
     * @param agent  the agent's state, campaign, call and contact; {@code null} when no core could tell
     * @param record the record of the contact offered, on the call or in wrap-up; {@code null} when none
     */
    public record Desk(AgentView agent, Record record) {
    }

    /**
     * What the agent sees of a contact: its fields and numbers, its case with every attempt and activity, and
     * its open callbacks.
     *
     * @param contact    the contact as stored
     * @param kase       its case in the campaign, or {@code null} before the first call
     * @param activities its calls and their outcomes, oldest first
     * @param callbacks  its open callbacks, soonest first
     */
    public record Record(Contact contact, ActivityRepository.Case kase, List<Activity> activities, List<Callback> callbacks) {
    }

    /**
     * The outcome saved and the desk after the next step.
     *
     * @param activity the call's activity with the outcome
     * @param desk     the agent after being made ready and, in a preview campaign, asking for the next record
     */
    public record SavedAndNext(Activity activity, Desk desk) {
    }

    private final Storage storage;
    private final EngineControl engine;
    private final CallService calls;

    /** The desktop over storage, the core, and the call workflows that record outcomes and preview decisions. */
    public AgentDeskService(Storage storage, EngineControl engine, CallService calls) {
        this.storage = storage;
        this.engine = engine;
        this.calls = calls;
    }

    /** The agent as the core sees it now, with its record. */
    public Desk desk(User agent) {
        AgentView view = engine.agentView((int) agent.id());
        if (view == null || view.contactId() < 0 || view.campaignId() <= 0) {
            return new Desk(view, null);
        }
        long campaignId = view.campaignId();
        long contactId = view.contactId();
        Contact contact = storage.contacts().get(campaignId, contactId);
        ActivityRepository activities = storage.activities();
        return new Desk(view, new Record(contact, activities.caseOf(campaignId, contactId),
                activities.ofContact(campaignId, contactId), storage.callbacks().openOfContact(campaignId, contactId)));
    }

    /** Asks for the next record to preview; the desk shows the offer, or the agent still ready when none is due. */
    public Desk next(User agent) {
        AgentView view = loggedIn(agent);
        if (view != null && view.state() != AgentState.READY) {
            throw new ConflictException("state", "you are " + view.state() + "; only a READY agent takes the next record");
        }
        engine.previewRequested((int) agent.id());
        return desk(agent);
    }

    /** Ends the agent's customer call; the agent goes to wrap-up. */
    public Desk hangUp(User agent) {
        AgentView view = loggedIn(agent);
        if (view != null && view.callId() < 0) {
            throw new ConflictException("state", "you are " + view.state() + " and on no call");
        }
        engine.agentHangUp((int) agent.id());
        return desk(agent);
    }

    /**
     * The agent's answer to the record it is offered: refused unless that contact is the open offer, so an
     * answer to an offer that timed out or went to someone else changes nothing. A decision other than accept
     * is stored first (with the time for call later), then the core hands the contact back. An accept may carry
     * the display number the agent chose (Genesys Workspace's caller-ID selection): it must be one of the
     * campaign's display numbers, and the call presents it in From and P-Asserted-Identity.
     */
    public Desk answerOffer(User agent, long contactId, OfferAnswer answer, long dueMillis) {
        return answerOffer(agent, contactId, answer, dueMillis, null);
    }

    /** {@link #answerOffer(User, long, OfferAnswer, long)} with the display number chosen, or {@code null}. */
    public Desk answerOffer(User agent, long contactId, OfferAnswer answer, long dueMillis, String callerId) {
        if (answer == null) {
            throw new InvalidFieldException("decision", "must be one of " + List.of(OfferAnswer.values()));
        }
        AgentView view = loggedIn(agent);
        if (view != null && (!view.offerOpen() || view.contactId() != contactId)) {
            throw new ConflictException("contactId", "contact " + contactId + " is not offered to you"
                    + (view.offerOpen() ? "; you are offered " + view.contactId() : ""));
        }
        String chosen = callerId == null ? null : chosenCallerId(answer, view, callerId);
        if (answer == OfferAnswer.ACCEPT) {
            engine.previewAnswered((int) agent.id(), contactId, PreviewAnswer.ACCEPT, chosen);
        } else {
            calls.answerPreview(agent, view == null ? 0 : view.campaignId(), contactId,
                    PreviewDecision.valueOf(answer.name()), dueMillis);
        }
        return desk(agent);
    }

    /**
     * Saves the call's outcome and goes on: the agent is made ready and, in a preview campaign, takes the next
     * record (the seeds' "save and next").
     */
    public SavedAndNext saveAndNext(User agent, long callId, String outcome, String note, CallbackRequest callback) {
        Activity saved = calls.recordOutcome(agent, callId, outcome, note, callback);
        AgentView view = engine.agentView((int) agent.id());
        if (view != null && view.state() == AgentState.WRAP_UP) {
            engine.agentReady((int) agent.id());
            view = engine.agentView((int) agent.id());
        }
        if (view != null && view.state() == AgentState.READY && previewCampaign(view.campaignId())) {
            engine.previewRequested((int) agent.id());
        }
        return new SavedAndNext(saved, desk(agent));
    }

    /** The chosen display number in E.164, refused naming {@code callerId} unless it is one of the campaign's. */
    private String chosenCallerId(OfferAnswer answer, AgentView view, String callerId) {
        if (answer != OfferAnswer.ACCEPT) {
            throw new InvalidFieldException("callerId", "only an ACCEPT places a call; leave callerId out for " + answer);
        }
        if (view == null) {
            return callerId;
        }
        io.pacer.store.campaign.Campaign campaign = storage.campaigns().get(view.campaignId());
        String e164;
        try {
            e164 = io.pacer.store.contact.PhoneNumbers.e164(callerId, campaign.defaultRegion());
        } catch (InvalidFieldException e) {
            throw new InvalidFieldException("callerId", e.problem());
        }
        if (!campaign.displayNumbers().contains(e164)) {
            throw new InvalidFieldException("callerId", callerId + " is not one of the campaign's display numbers "
                    + campaign.displayNumbers());
        }
        return e164;
    }

    private boolean previewCampaign(int campaignId) {
        DialMode mode = storage.campaigns().get(campaignId).dialMode();
        return mode == DialMode.PREVIEW;
    }

    /** The agent's view, refused when it is logged in to no campaign; {@code null} when no core can tell. */
    private AgentView loggedIn(User agent) {
        AgentView view = engine.agentView((int) agent.id());
        if (view != null && view.state() == AgentState.LOGGED_OUT) {
            throw new ConflictException("state", "not logged in to any campaign; log in to one first");
        }
        return view;
    }
}
