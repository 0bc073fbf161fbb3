package org.partynet.backup;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The backups page (备份) at {@code /admin/backups}: static, reading and asking everything
 * of {@link BackupController}; only the organization department is let in.
 */
@Configuration(proxyBeanMethods = false)
class BackupPageConfiguration implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/admin/backups").setViewName("forward:/admin/backups.html");
	}

}
