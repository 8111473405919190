package io.pacer.api;

import io.pacer.api.service.GroupService;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.user.Role;
import java.util.List;

/** One group and its members, changed a member at a time; administrators only, like users. */
final class GroupRoutes {

    private GroupRoutes() {
    }

    static List<Route> routes(GroupService groups) {
        String group = "/api/v1/groups/{groupId}";
        return List.of(
            new Route("GET", group, Role.ADMIN, r -> ApiResponse.ok(groups.get(r.id("groupId")))),
            new Route("POST", group + "/members", Role.ADMIN, r -> {
                JsonBody b = r.json().only("userId");
                if (!b.has("userId")) {
                    throw new InvalidFieldException("userId", "missing");
                }
                return ApiResponse.ok(groups.addMember(r.id("groupId"), b.whole("userId", -1)));
            }),
            new Route("DELETE", group + "/members/{userId}", Role.ADMIN, r -> {
                groups.removeMember(r.id("groupId"), r.id("userId"));
                return ApiResponse.noContent();
            })
        );
    }
}
