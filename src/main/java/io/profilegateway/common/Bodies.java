package io.profilegateway.common;

/** Request bodies are required where an endpoint reads one. */
public final class Bodies {

    private Bodies() {
    }

    public static <T> T require(T body) {
        if (body == null) {
            throw new ApiProblem(400, "body-required", "The request needs a JSON body");
        }
        return body;
    }
}
