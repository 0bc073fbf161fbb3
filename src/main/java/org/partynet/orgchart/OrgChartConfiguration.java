package org.partynet.orgchart;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The org chart page at {@code /org-chart}, opened from the desk ({@code /}) and the
 * navigation. The page is static and reads everything from the GraphQL API.
 */
@Configuration(proxyBeanMethods = false)
class OrgChartConfiguration implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/org-chart").setViewName("forward:/org-chart/index.html");
	}

}
