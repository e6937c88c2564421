package cn.bailian.kit.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code {items, page, size, total}}; pages count from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }
}
