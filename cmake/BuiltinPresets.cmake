# dualx_builtin_presets(OUTPUT): writes OUTPUT, a C++ file compiling resources/presets/*.json
# into dualx::video::builtInPresetSources() (core/video/builtin_presets.cpp.in); reconfigures
# when a preset file changes. Used by the engine and by the fuzz targets.
set(DUALX_BUILTIN_PRESETS_DIR ${CMAKE_CURRENT_LIST_DIR})
function(dualx_builtin_presets output)
  set(root ${DUALX_BUILTIN_PRESETS_DIR}/..)
  file(GLOB preset_files CONFIGURE_DEPENDS ${root}/resources/presets/*.json)
  set(DUALX_PRESET_ENTRIES "")
  foreach(preset_file IN LISTS preset_files)
    file(READ ${preset_file} preset_json)
    get_filename_component(preset_name ${preset_file} NAME)
    string(APPEND DUALX_PRESET_ENTRIES "        {\"${preset_name}\", R\"dualxpreset(${preset_json})dualxpreset\"},\n")
  endforeach()
  configure_file(${root}/core/video/builtin_presets.cpp.in ${output} @ONLY)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${preset_files})
endfunction()
