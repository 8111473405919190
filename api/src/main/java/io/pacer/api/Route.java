package io.pacer.api;

import io.pacer.store.user.Role;
import java.util.HashMap;
import java.util.Map;

/**
 * One endpoint: method, path pattern with {@code {name}} segments, the least role allowed, and the handler.
 *
 * @param method  HTTP method
 * @param pattern path such as {@code /api/v1/campaigns/{campaignId}}
 * @param minRole least privileged role allowed ({@code null}: no token needed)
 * @param handler what it does
 */
public record Route(String method, String pattern, Role minRole, Handler handler) {

    /** The work of a route; runs on the API's blocking executor, never on a Netty event loop. */
    @FunctionalInterface
    public interface Handler {
        /** Handles a request. */
        ApiResponse handle(ApiRequest request) throws Exception;
    }

    /** The path parameters if {@code path} matches the pattern, else {@code null}. */
    Map<String, String> match(String path) {
        String[] want = pattern.split("/");
        String[] got = path.split("/");
        if (want.length != got.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith("{")) {
                params.put(want[i].substring(1, want[i].length() - 1), got[i]);
            } else if (!want[i].equals(got[i])) {
                return null;
            }
        }
        return params;
    }

    /** Whether a user of {@code role} may call it (admin above supervisor above agent). */
    boolean allows(Role role) {
        return minRole == null || (role != null && role.ordinal() <= minRole.ordinal());
    }
}
