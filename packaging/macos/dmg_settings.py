# dmgbuild settings for StrongStride's disk image: the app and an Applications link to drag
# it onto. build.py runs: dmgbuild -s packaging/macos/dmg_settings.py
#   -D app=dist/StrongStride.app -D icon=build/icons/strongstride.icns StrongStride OUT.dmg
# ruff: noqa: F821 (dmgbuild runs this file with `defines` in scope)
import os

application = defines["app"]
appname = os.path.basename(application)

format = "UDZO"
compression_level = 9
filesystem = "HFS+"
size = None  # dmgbuild measures the app
files = [application]
symlinks = {"Applications": "/Applications"}
icon = defines.get("icon")
icon_locations = {appname: (140, 160), "Applications": (420, 160)}
background = "builtin-arrow"
show_status_bar = False
show_tab_view = False
show_toolbar = False
show_pathbar = False
show_sidebar = False
window_rect = ((200, 200), (560, 340))
default_view = "icon-view"
icon_size = 112
text_size = 13
