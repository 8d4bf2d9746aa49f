package io.profilegateway.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A 401 to the web page's own calls carries no {@code WWW-Authenticate} header: a browser answers a Basic challenge
 * to a fetch with its native password prompt (which blocks the call), where the page shows its own sign-in form.
 * The page marks its calls with {@code X-Requested-With}; its event stream is known by its Accept header. Every other
 * client still gets the challenge.
 */
@ApplicationScoped
public class PageChallenge {

    public static final String MARK = "X-Requested-With";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            if (fromPage(context.request())) {
                context.addHeadersEndHandler(v -> {
                    if (context.response().getStatusCode() == 401) {
                        context.response().headers().remove("WWW-Authenticate");
                    }
                });
            }
            context.next();
        });
    }

    static boolean fromPage(HttpServerRequest request) {
        String accept = request.getHeader("Accept");
        return request.getHeader(MARK) != null || (accept != null && accept.contains("text/event-stream"));
    }
}
