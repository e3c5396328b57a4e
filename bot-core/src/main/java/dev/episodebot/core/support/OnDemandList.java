package dev.episodebot.core.support;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.RandomAccess;
import java.util.Spliterator;
import java.util.function.Supplier;

/**
 * An unmodifiable list of known size whose elements are fetched from {@code source} each time they
 * are needed, so that a list nobody reads holds nothing on the heap (the source decides what it
 * keeps, typically a bounded cache over a store). The source must always give an unmodifiable
 * list of {@link #size()} elements, the same ones each time.
 */
public final class OnDemandList<T> extends AbstractList<T> implements RandomAccess {

    private final int size;
    private final Supplier<List<T>> source;

    public OnDemandList(int size, Supplier<List<T>> source) {
        this.size = size;
        this.source = source;
    }

    private List<T> contents() {
        List<T> contents = source.get();
        if (contents.size() != size) {
            throw new IllegalStateException("expected " + size + " elements, the source gave " + contents.size());
        }
        return contents;
    }

    @Override
    public T get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return contents().get(index);
    }

    @Override
    public int size() {
        return size;
    }

    // whole-list reads fetch once, not once per element
    @Override
    public Iterator<T> iterator() {
        return size == 0 ? List.<T>of().iterator() : contents().iterator();
    }

    @Override
    public Spliterator<T> spliterator() {
        return size == 0 ? List.<T>of().spliterator() : contents().spliterator();
    }

    @Override
    public List<T> subList(int from, int to) {
        return size == 0 ? List.<T>of().subList(from, to) : contents().subList(from, to);
    }
}
