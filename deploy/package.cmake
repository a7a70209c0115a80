# The Debian package, with CPack's DEB generator: scripts/package.sh builds
# stretch-kiosk_VERSION-REVISION_ARCH.deb from a build configured with CMAKE_INSTALL_PREFIX=/usr.
# CPack, not a debian/ folder: the package is exactly `cmake --install` (one list of what is
# installed where, in CMakeLists.txt), with nothing but CMake and dpkg-dev to build it.
# The maintainer scripts in deploy/debian/ do what debhelper's would (sysusers, tmpfiles,
# daemon-reload); dependencies come from dpkg-shlibdeps.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME stretch-kiosk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Birch Pain & Spine Group")
set(SK_DEB_MAINTAINER "Birch Pain & Spine Group IT <it@birchpainspine.org>" CACHE STRING
    "The package's Maintainer: field")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${SK_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # stretch-kiosk_0.1.0-1_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "back-pain stretches shown by an animated figure, on a TV or in a window")
# the synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; CPack indents each line of this by a space
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Four stretches for the lower back (spinal twists, child's pose, knees to
chest, press-up back extensions) shown by an animated stick figure beside a
clinic's own steps, with every breath, second and repetition counted, the
patients' reviews and how to reach the clinic; every word from one YAML file.
.
On a waiting-room TV with no desktop, stretch-kiosk.service runs it on tty1
through KMS/DRM as the kiosk user (created by this package), restarted for
ever, with content updates from a USB stick. On a patient's computer it is a
desktop application.")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# postinst runs systemd-sysusers and systemd-tmpfiles; mesa: the GL and GLES drivers SDL loads
# at run time (dlopen: dpkg-shlibdeps cannot see them)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "systemd (>= 247), libegl1, libgl1, libgles2, libegl-mesa0, libgl1-mesa-dri, libglx-mesa0")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "zbar-tools")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_SET_DESTDIR ON) # units, udev and /etc are absolute destinations
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(SK_DEB_CONTROL ${CMAKE_CURRENT_BINARY_DIR}/debian-control)
file(MAKE_DIRECTORY ${SK_DEB_CONTROL})
file(WRITE ${SK_DEB_CONTROL}/conffiles.tmp
     "${SK_CONFDIR}/show.yaml\n${SK_CONFDIR}/en.yaml\n${SK_CONFDIR}/es.yaml\n${SK_CONFDIR}/sync.conf\n")
configure_file(${SK_DEB_CONTROL}/conffiles.tmp ${SK_DEB_CONTROL}/conffiles COPYONLY)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${SK_DEB_CONTROL}/conffiles
    ${CMAKE_CURRENT_SOURCE_DIR}/deploy/debian/postinst
    ${CMAKE_CURRENT_SOURCE_DIR}/deploy/debian/prerm
    ${CMAKE_CURRENT_SOURCE_DIR}/deploy/debian/postrm)

# /usr/share/doc/stretch-kiosk: copyright (machine-readable) and the changelog, gzip -9n
set(SK_DOCDIR ${CMAKE_INSTALL_DATADIR}/doc/stretch-kiosk)
install(FILES deploy/debian/copyright DESTINATION ${SK_DOCDIR})
add_custom_command(OUTPUT ${SK_DEB_CONTROL}/changelog.Debian.gz
  COMMAND gzip -9n -c ${CMAKE_CURRENT_SOURCE_DIR}/deploy/debian/changelog
          > ${SK_DEB_CONTROL}/changelog.Debian.gz
  DEPENDS deploy/debian/changelog VERBATIM)
add_custom_target(sk_changelog ALL DEPENDS ${SK_DEB_CONTROL}/changelog.Debian.gz)
install(FILES ${SK_DEB_CONTROL}/changelog.Debian.gz DESTINATION ${SK_DOCDIR})

if(CMAKE_INSTALL_PREFIX STREQUAL "/usr") # the package's own
  install(FILES deploy/debian/lintian-overrides DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides
          RENAME stretch-kiosk)
endif()
include(CPack)
