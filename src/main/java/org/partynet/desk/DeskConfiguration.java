package org.partynet.desk;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The desk (工作台) at {@code /}, the landing page of every role: the headline figures of
 * the account's scope, what needs seeing to, and the pages the role may use. The page is
 * static and reads everything from the GraphQL API, one query per card.
 */
@Configuration(proxyBeanMethods = false)
class DeskConfiguration implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/").setViewName("forward:/desk/index.html");
	}

}
