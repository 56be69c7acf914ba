package dev.portal.wishlist.groups;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Groups and memberships: the membership questions every wishlist request asks first, and their changes. */
@Repository
public class Groups {

    private final JdbcClient jdbc;

    Groups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Role> roleOf(long groupId, long userId) {
        return jdbc.sql("select role from group_members where group_id = ? and user_id = ?")
                .params(groupId, userId).query(String.class).optional().map(Role::of);
    }

    public boolean isInAnyGroup(long userId) {
        return jdbc.sql("select exists (select 1 from group_members where user_id = ?)").param(userId)
                .query(Boolean.class).single();
    }

    /** The local subscription bound to the group, if any. */
    public Optional<Long> subscriptionOf(long groupId) {
        return jdbc.sql("select subscription_id from groups where id = ?").param(groupId)
                .query((rs, n) -> rs.getObject("subscription_id", Long.class)).optional().flatMap(Optional::ofNullable);
    }

    record GroupRow(long id, String name, Long subscriptionId, String role) {
    }

    List<GroupRow> listFor(long userId) {
        return jdbc.sql("""
                select g.id, g.name, g.subscription_id, m.role from groups g
                join group_members m on m.group_id = g.id and m.user_id = ? order by g.id""")
                .param(userId).query(Groups::groupRow).list();
    }

    Optional<GroupRow> findFor(long groupId, long userId) {
        return jdbc.sql("""
                select g.id, g.name, g.subscription_id, m.role from groups g
                join group_members m on m.group_id = g.id and m.user_id = ? where g.id = ?""")
                .params(userId, groupId).query(Groups::groupRow).optional();
    }

    record MemberRow(String userId, String role) {
    }

    List<MemberRow> members(long groupId) {
        return jdbc.sql("""
                select u.portal_user_id, m.role from group_members m join users u on u.id = m.user_id
                where m.group_id = ? order by m.created_at, u.id""")
                .param(groupId).query((rs, n) -> new MemberRow(rs.getString("portal_user_id"), rs.getString("role"))).list();
    }

    /** A new group with {@code ownerId} as its owner; returns its id. */
    long create(String name, long ownerId) {
        long id = jdbc.sql("insert into groups (name, created_by) values (?, ?) returning id")
                .params(name, ownerId).query(Long.class).single();
        saveMember(id, ownerId, Role.OWNER);
        return id;
    }

    /** Adds the member, or changes their role. */
    void saveMember(long groupId, long userId, Role role) {
        jdbc.sql("""
                insert into group_members (group_id, user_id, role) values (?, ?, ?)
                on conflict (group_id, user_id) do update set role = excluded.role""")
                .params(groupId, userId, role.wire()).update();
    }

    void removeMember(long groupId, long userId) {
        jdbc.sql("delete from group_members where group_id = ? and user_id = ?").params(groupId, userId).update();
    }

    /** The group other than {@code groupId} that the subscription already pays for, if any. */
    Optional<Long> otherGroupPaidBy(long subscriptionId, long groupId) {
        return jdbc.sql("select id from groups where subscription_id = ? and id <> ?")
                .params(subscriptionId, groupId).query(Long.class).optional();
    }

    void bindSubscription(long groupId, long subscriptionId) {
        jdbc.sql("update groups set subscription_id = ?, updated_at = now() where id = ?").params(subscriptionId, groupId).update();
    }

    private static GroupRow groupRow(ResultSet rs, int n) throws SQLException {
        return new GroupRow(rs.getLong("id"), rs.getString("name"), rs.getObject("subscription_id", Long.class),
                rs.getString("role"));
    }
}
