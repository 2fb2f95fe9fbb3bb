package fr.construisons.privacy.retention;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code construisons.retention.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionPeriods.class)
class RetentionConfiguration {}
