package dev.worklane.adapter.in.web.user;

import dev.worklane.application.port.in.user.AvatarUseCase;
import dev.worklane.domain.user.Profile;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.mapstruct.Named;
import org.springframework.stereotype.Component;

/**
 * The avatar URL of a user representation, resolved when the response is written (not cached with
 * the account): a change of {@code WORKLANE_PUBLIC_FILES_BASE_URL} shows at once.
 */
@Component
public class AvatarUrls {
  private final AvatarUseCase avatars;

  public AvatarUrls(AvatarUseCase avatars) {
    this.avatars = avatars;
  }

  @Named("avatarUrl")
  public @Nullable URI avatarUrl(Profile profile) {
    return avatars.avatarUrl(profile).orElse(null);
  }
}
