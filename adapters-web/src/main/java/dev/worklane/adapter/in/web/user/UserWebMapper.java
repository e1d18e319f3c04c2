package dev.worklane.adapter.in.web.user;

import dev.worklane.application.port.in.user.UserAccount;
import dev.worklane.domain.user.Role;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** The one place where the account read model becomes its JSON shape (v1 and v2 alike). */
@Mapper(uses = AvatarUrls.class)
public interface UserWebMapper {

  @Mapping(target = "id", source = "id.value")
  @Mapping(target = "email", source = "email.value")
  @Mapping(target = "displayName", source = "profile.displayName")
  @Mapping(target = "timeZone", source = "profile.timeZone")
  @Mapping(target = "avatarUrl", source = "profile", qualifiedByName = "avatarUrl")
  UserResponse toResponse(UserAccount account);

  default String zone(ZoneId zone) {
    return zone.getId();
  }

  /** Highest role first, so clients can read the effective role from the head of the list. */
  default List<String> roles(Set<Role> roles) {
    return roles.stream().sorted((a, b) -> b.compareTo(a)).map(Role::name).toList();
  }
}
