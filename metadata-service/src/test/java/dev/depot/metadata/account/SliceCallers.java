package dev.depot.metadata.account;

import static org.mockito.Mockito.mock;

import org.springframework.web.method.support.HandlerMethodArgumentResolver;

/** The service's own {@code Caller} parameter, for controller slices: accounts are stubbed. */
public final class SliceCallers {

    private SliceCallers() {}

    public static HandlerMethodArgumentResolver resolver() {
        return new CallerResolver(mock(AccountDirectory.class));
    }
}
