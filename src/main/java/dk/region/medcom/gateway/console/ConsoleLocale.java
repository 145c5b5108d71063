package dk.region.medcom.gateway.console;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console's language: Danish or English, from the browser's Accept-Language until the user
 * picks one with {@code ?lang=da|en}, which a cookie then remembers.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleLocale implements WebMvcConfigurer {

    static final Locale DANISH = Locale.forLanguageTag("da");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("medcom-console-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> fromBrowser(request.getHeader("Accept-Language")));
        return resolver;
    }

    /** Danish when the browser prefers it to English, else English; a malformed header is not worth an error page. */
    static Locale fromBrowser(String acceptLanguage) {
        try {
            Locale chosen = acceptLanguage == null ? null
                    : Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), List.of(DANISH, Locale.ENGLISH));
            return chosen == null ? Locale.ENGLISH : chosen;
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns("/", "/login", "/messages", "/messages/**", "/overdue", "/audit", "/audit/**", "/routing", "/directory");
    }
}
