package io.pacer.api;

import io.pacer.api.service.UserService;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.user.IssuedToken;
import io.pacer.store.user.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Users (tokens issued, rotated and revoked; never listed) and groups; administrators only. */
final class AdminRoutes {

    private AdminRoutes() {
    }

    static List<Route> routes(UserService users) {
        String user = "/api/v1/users/{userId}";
        return List.of(
            new Route("POST", "/api/v1/users", Role.ADMIN, r -> {
                JsonBody b = r.json().only("name", "role");
                return ApiResponse.created(issued(users.create(b.text("name"), b.enumValue("role", Role.class, null))));
            }),
            new Route("GET", "/api/v1/users", Role.ADMIN, r -> Paging.slice(r, users.list())),
            new Route("GET", user, Role.ADMIN, r -> ApiResponse.ok(users.get(r.id("userId")))),
            new Route("PATCH", user, Role.ADMIN, r -> {
                JsonBody b = r.json().only("disabled");
                if (!b.has("disabled")) {
                    throw new InvalidFieldException("disabled", "missing");
                }
                return ApiResponse.ok(users.setDisabled(r.id("userId"), b.bool("disabled", false)));
            }),
            new Route("DELETE", user, Role.ADMIN, r -> {
                users.delete(r.id("userId"));
                return ApiResponse.noContent();
            }),
            new Route("POST", user + "/token", Role.ADMIN, r -> ApiResponse.ok(issued(users.rotateToken(r.id("userId"))))),
            new Route("DELETE", user + "/token", Role.ADMIN, r -> {
                users.revokeToken(r.id("userId"));
                return ApiResponse.noContent();
            }),
            new Route("GET", "/api/v1/groups", Role.ADMIN, r -> Paging.slice(r, users.groups())),
            new Route("POST", "/api/v1/groups", Role.ADMIN, r -> {
                JsonBody b = r.json().only("name", "members");
                List<Long> members = b.wholes("members");
                long id = users.createGroup(b.text("name"), members);
                return ApiResponse.created(Map.of("id", id, "name", b.text("name"), "members", members));
            })
        );
    }

    /** A user with the token just issued: the only answer that ever carries a token. */
    private static Map<String, Object> issued(IssuedToken issued) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", issued.user().id());
        body.put("name", issued.user().name());
        body.put("role", issued.user().role());
        body.put("disabled", issued.user().disabled());
        body.put("token", issued.token());
        return body;
    }
}
