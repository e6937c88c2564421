package cn.bailian.kit.cache;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public GET whose answer is the same for every caller (it never looks at the token, the roles or the caller's
 * identity): its serialised 200 answers are kept in the instance's {@link PublicCache}, keyed by path, query, Accept
 * and Accept-Language, for at most {@code bailian.public-cache.ttl} and only until the next committed write.
 * Do not put it on a read that answers staff, providers or the holder differently from the public.
 */
@NameBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PublicCached {}
