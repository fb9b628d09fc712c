"""A recorded libmtp: a Python object answering the C functions the binding calls, with the
same structures, out-parameters, linked lists and error stack as libmtp 1.1.

The binding cannot tell it from the real library object: it fills `LIBMTP_raw_device_t`
arrays through the caller's pointer, returns `LIBMTP_file_t` lists that must be destroyed one
node at a time, and copies files to and from the paths it is given.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from pathlib import Path

from importers.devices import libmtp_binding as mtp


@dataclass
class Item:
    name: str
    data: bytes | None = None  # None: a folder
    children: list[Item] = field(default_factory=list)
    item_id: int = 0


def folder(name: str, *children: Item) -> Item:
    return Item(name, None, list(children))


def file(name: str, data: bytes) -> Item:
    return Item(name, data)


def _set_pointer(out_pointer, target) -> None:
    """Write `target`'s address into the caller's pointer variable, as C's `*out = x` does."""
    address = ctypes.c_void_p(ctypes.addressof(target))
    ctypes.memmove(ctypes.addressof(out_pointer), ctypes.byref(address), ctypes.sizeof(address))


class FakeLibmtp:
    def __init__(self, raw_devices: list[tuple], storages: dict[str, Item], *, busy=False):
        self.raw_devices = raw_devices  # (vendor, vendor_id, product, product_id, bus, devnum)
        self.storages = storages
        self.busy = busy
        self.items: dict[int, tuple[int, Item]] = {}  # item id → (storage id, item)
        self.parents: dict[int, int] = {}
        self.live_files: set[int] = set()  # addresses of LIBMTP_file_t not yet destroyed
        self.freed: list[int] = []
        self.released = False
        self.errors: list[str] = []
        self.fail_reads: set[str] = set()  # names whose transfer breaks off
        self.vanish_on_read: set[str] = set()  # names deleted on the watch while read
        self.short_reads: set[str] = set()  # names whose transfer "succeeds" half done
        self._alive: list[object] = []  # keeps handed-out ctypes memory valid
        self._next = 100
        for sid, item in enumerate(storages.values(), 0x10001):
            self._number(sid, item, mtp.ROOT)

    def _number(self, sid: int, item: Item, parent: int) -> None:
        for c in item.children:
            c.item_id = self._next
            self._next += 1
            self.items[c.item_id] = (sid, c)
            self.parents[c.item_id] = parent
            self._number(sid, c, c.item_id)

    def _storage_id(self, name: str) -> int:
        return list(self.storages).index(name) + 0x10001

    # -- the C functions ----------------------------------------------------------------
    def LIBMTP_Init(self):
        pass

    def LIBMTP_Detect_Raw_Devices(self, out_devices, out_count):
        if not self.raw_devices:
            return mtp.ERROR_NO_DEVICE_ATTACHED
        array = (mtp.RawDevice * len(self.raw_devices))()
        for raw, (vendor, vid, product, pid, bus, devnum) in zip(
            array, self.raw_devices, strict=True
        ):
            raw.device_entry.vendor = vendor
            raw.device_entry.vendor_id = vid
            raw.device_entry.product = product
            raw.device_entry.product_id = pid
            raw.bus_location, raw.devnum = bus, devnum
        self._alive.append(array)
        _set_pointer(out_devices._obj, array)
        out_count._obj.value = len(self.raw_devices)
        return mtp.ERROR_NONE

    def LIBMTP_Open_Raw_Device_Uncached(self, raw):
        if self.busy:
            return ctypes.POINTER(mtp.MtpDevice)()
        device = mtp.MtpDevice()
        self._alive.append(device)
        return ctypes.pointer(device)

    def LIBMTP_Get_Storage(self, dev, sortby):
        nodes = [mtp.Storage() for _ in self.storages]
        for node, name in zip(nodes, self.storages, strict=True):
            node.id = self._storage_id(name)
            node.StorageDescription = name.encode()
        for a, b in zip(nodes, nodes[1:], strict=False):
            a.next = ctypes.pointer(b)
        self._alive.append(nodes)
        dev[0].storage = ctypes.pointer(nodes[0])
        return 0

    def LIBMTP_Get_Files_And_Folders(self, dev, storage, parent):
        if parent == mtp.ROOT:
            name = list(self.storages)[storage - 0x10001]
            children = self.storages[name].children
        else:
            children = self.items[parent][1].children
        nodes = [mtp.File() for _ in children]
        for node, c in zip(nodes, children, strict=True):
            node.item_id, node.parent_id, node.storage_id = c.item_id, parent, storage
            node.filename = c.name.encode()
            node.filesize = len(c.data or b"")
            node.filetype = mtp.FILETYPE_FOLDER if c.data is None else mtp.FILETYPE_UNKNOWN
            self.live_files.add(ctypes.addressof(node))
        for a, b in zip(nodes, nodes[1:], strict=False):
            a.next = ctypes.pointer(b)
        self._alive.append(nodes)
        return ctypes.pointer(nodes[0]) if nodes else ctypes.POINTER(mtp.File)()

    def LIBMTP_destroy_file_t(self, node):
        self.live_files.discard(ctypes.addressof(node[0]))

    def LIBMTP_new_file_t(self):
        node = mtp.File()
        self._alive.append(node)
        self.live_files.add(ctypes.addressof(node))
        return ctypes.pointer(node)

    def LIBMTP_Get_File_To_File(self, dev, item_id, path, progress, data):
        _, item = self.items[item_id]
        if item.name in self.vanish_on_read:
            parent = self.items[self.parents[item_id]][1]
            parent.children.remove(item)
        if item.name in self.fail_reads | self.vanish_on_read:
            Path(path.decode()).write_bytes(item.data[:3])  # a transfer cut short
            self.errors.append("PTP Layer error 02ff: Get_File_To_File(): Could not get file")
            return 1
        cut = len(item.data) // 2 if item.name in self.short_reads else len(item.data)
        Path(path.decode()).write_bytes(item.data[:cut])
        return 0

    def LIBMTP_Send_File_From_File(self, dev, path, meta, progress, data):
        f = meta[0]
        parent = self.items[f.parent_id][1]
        new = Item(f.filename.decode(), Path(path.decode()).read_bytes(), item_id=self._next)
        self._next += 1
        parent.children.append(new)
        self.items[new.item_id] = (f.storage_id, new)
        return 0

    def LIBMTP_Create_Folder(self, dev, name, parent, storage):
        new = Item(name.decode(), None, item_id=self._next)
        self._next += 1
        self.items[parent][1].children.append(new)
        self.items[new.item_id] = (storage, new)
        return new.item_id

    def LIBMTP_Get_Errorstack(self, dev):
        if not self.errors:
            return ctypes.POINTER(mtp.Error)()
        err = mtp.Error(errornumber=1, error_text=self.errors[0].encode())
        self._alive.append(err)
        return ctypes.pointer(err)

    def LIBMTP_Clear_Errorstack(self, dev):
        self.errors.clear()

    def LIBMTP_Release_Device(self, dev):
        self.released = True

    def free(self, pointer):
        self.freed.append(ctypes.addressof(pointer.contents))
