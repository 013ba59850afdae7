package dev.depot.metadata.account;

import dev.depot.metadata.access.Caller;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives controllers a {@link Caller} parameter, and makes sure the caller's account (root folder
 * and quota ledger) exists even if the {@code user-registered} event has not arrived yet.
 */
@Component
class CallerResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final AccountDirectory accounts;

    CallerResolver(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        Jwt jwt = (Jwt) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        Caller caller = Caller.of(jwt);
        accounts.ensure(caller.userId(), caller.username());
        return caller;
    }
}
