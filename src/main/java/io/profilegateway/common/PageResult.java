package io.profilegateway.common;

import java.util.List;

/** One page of a longer list, newest or first items first as the endpoint documents. */
public record PageResult<T>(List<T> items, int page, int size, long total) {
}
