package io.pacer.api;

import io.pacer.api.service.UserService;
import io.pacer.store.user.Role;
import java.util.List;
import java.util.Map;

/** Users (with their bearer tokens) and groups; administrators only. */
final class AdminRoutes {

    private AdminRoutes() {
    }

    static List<Route> routes(UserService users) {
        return List.of(
            new Route("POST", "/api/v1/users", Role.ADMIN, r -> {
                JsonBody b = r.json().only("name", "role");
                return ApiResponse.created(users.create(b.text("name"), b.enumValue("role", Role.class, null)));
            }),
            new Route("GET", "/api/v1/users", Role.ADMIN, r -> ApiResponse.ok(users.list())),
            new Route("POST", "/api/v1/groups", Role.ADMIN, r -> {
                JsonBody b = r.json().only("name", "members");
                List<Long> members = b.wholes("members");
                long id = users.createGroup(b.text("name"), members);
                return ApiResponse.created(Map.of("id", id, "name", b.text("name"), "members", members));
            })
        );
    }
}
