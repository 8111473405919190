package io.pacer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pacer.engine.campaign.CampaignConfig;
import io.pacer.pacing.DialMode;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignStatus;
import io.pacer.store.error.InvalidFieldException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dial settings' ranges are the core's, checked once: storage refuses what the core would, naming the field. */
class CampaignSettingsTest {

    @Test
    void storageRefusesARingTimeoutTheCoreRefusesNamingTheSameField() {
        InvalidFieldException stored = assertThrows(InvalidFieldException.class, () -> campaign(14_999, 2_000));
        CampaignConfig.InvalidSettingException core = assertThrows(CampaignConfig.InvalidSettingException.class,
                () -> new CampaignConfig(1, "x", DialMode.PROGRESSIVE, 1, 0, 0.03, 14_999, 2_000, 20, null));
        assertEquals("ringTimeoutMillis", stored.field());
        assertEquals(core.field(), stored.field());
        assertEquals(core.problem(), stored.problem());
    }

    @Test
    void storageRefusesAConnectLimitAboveTheCoresMaximum() {
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> campaign(25_000, CampaignConfig.MAX_CONNECT_LIMIT_MILLIS + 1));
        assertEquals("connectLimitMillis", e.field());
    }

    @Test
    void aStoredCampaignWithinTheRangesGivesTheCoreItsSettings() {
        CampaignConfig config = campaign(CampaignConfig.MIN_RING_TIMEOUT_MILLIS, 2_000).with(7, "Spring", false, null)
                .toEngineConfig();
        assertEquals(7, config.id());
        assertEquals(CampaignConfig.MIN_RING_TIMEOUT_MILLIS, config.ringTimeoutMillis());
        assertEquals("+4930123456", config.callerId());
    }

    private static Campaign campaign(long ringTimeoutMillis, long connectLimitMillis) {
        return new Campaign(0, "Spring", "", CampaignStatus.ENABLED, false, null, "UTC", DialMode.PROGRESSIVE, 1, 0, 0.03,
                ringTimeoutMillis, connectLimitMillis, 20, List.of("+4930123456"), 10, 0, 1440, Campaign.DEFAULT_SUBJECT,
                true, "DE", List.of(), Map.of(), List.of(), List.of());
    }
}
