package org.partynet.account;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The accounts page (账号管理) at {@code /admin/accounts}. The page is static and reads and
 * changes everything over the GraphQL API, which answers only the organization
 * department; anyone else sees the page say so.
 */
@Configuration(proxyBeanMethods = false)
class AccountPageConfiguration implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/admin/accounts").setViewName("forward:/admin/accounts.html");
	}

}
