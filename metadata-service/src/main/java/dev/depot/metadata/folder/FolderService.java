package dev.depot.metadata.folder;

import dev.depot.metadata.access.Action;
import dev.depot.metadata.access.Caller;
import dev.depot.metadata.account.AccountDirectory;
import dev.depot.metadata.paging.Page;
import dev.depot.metadata.tree.Item;
import dev.depot.metadata.tree.TreeService;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Reading folders: the folder with its breadcrumbs, and its children page by page. */
@Service
class FolderService {

    record FolderView(Item folder, List<Item> path) {}

    private final TreeService tree;
    private final ChildrenRepository children;
    private final AccountDirectory accounts;

    FolderService(TreeService tree, ChildrenRepository children, AccountDirectory accounts) {
        this.tree = tree;
        this.children = children;
        this.accounts = accounts;
    }

    UUID rootOf(Caller caller) {
        return accounts.rootFolder(caller.userId()).orElseThrow();
    }

    FolderView view(Caller caller, UUID id) {
        Item folder = tree.folder(caller, id, Action.READ);
        return new FolderView(folder, tree.breadcrumbs(folder));
    }

    Page<Item> children(Caller caller, UUID id, ChildOrder order, int limit, String cursor) {
        Item folder = tree.folder(caller, id, Action.READ);
        return children.page(folder.id(), order, limit, cursor);
    }
}
